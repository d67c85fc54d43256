# Datasets and model artifacts.

resource "aws_s3_bucket" "datasets" {
  bucket = "nutrition-ai-datasets"

  tags = {
    environment = "prod"
    Purpose     = "training-data"
  }
}

resource "aws_s3_bucket" "model_artifacts" {
  bucket = "nutrition-ai-model-artifacts"

  tags = {
    Environment  = "prod"
    ModelVersion = "v3.2"
  }
}

resource "aws_s3_bucket_versioning" "model_artifacts" {
  bucket = aws_s3_bucket.model_artifacts.id
  versioning_configuration {
    status = "Enabled"
  }
}
