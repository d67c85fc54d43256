variable "name" {
  description = "Model name, used for every resource of the endpoint"
  type        = string
}

variable "instance_type" {
  description = "Instance type of the endpoint's production variant"
  type        = string
}

variable "tags" {
  description = "Tags for every resource of the endpoint"
  type        = map(string)
  default     = {}
}

resource "aws_sagemaker_model" "this" {
  name               = var.name
  execution_role_arn = "arn:aws:iam::123456789012:role/nutrition-sagemaker"

  primary_container {
    image          = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/${var.name}:latest"
    model_data_url = "s3://nutrition-ai-model-artifacts/${var.name}/model.tar.gz"
  }

  tags = var.tags
}

resource "aws_sagemaker_endpoint_configuration" "this" {
  name = "${var.name}-config"

  production_variants {
    variant_name           = "primary"
    model_name             = aws_sagemaker_model.this.name
    initial_instance_count = 2
    instance_type          = var.instance_type
  }

  tags = var.tags
}

resource "aws_sagemaker_endpoint" "this" {
  name                 = var.name
  endpoint_config_name = aws_sagemaker_endpoint_configuration.this.name

  tags = var.tags
}
