# Staging runs all three models on one multi-model endpoint.

resource "aws_sagemaker_endpoint_configuration" "staging_all_models" {
  provider = aws.staging
  name     = "nutrition-staging-all-models"

  production_variants {
    variant_name           = "all-models"
    model_name             = "nutrition-staging-multi-model"
    initial_instance_count = 1
    instance_type          = "ml.m5.large"
  }

  tags = {
    Model = "all-models"
  }
}

resource "aws_sagemaker_endpoint" "staging_all_models" {
  provider             = aws.staging
  name                 = "nutrition-staging-all-models"
  endpoint_config_name = aws_sagemaker_endpoint_configuration.staging_all_models.name

  tags = {
    Model = "all-models"
  }
}
