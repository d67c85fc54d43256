# Production inference: one endpoint per model, through the shared module.

module "food_recognition" {
  source        = "./modules/inference-endpoint"
  name          = "food-recognition"
  instance_type = var.endpoint_instance_type
  tags = merge(local.prod_tags, {
    Model        = "food-recognition"
    ModelVersion = local.models["food-recognition"].version
    Purpose      = local.models["food-recognition"].feature
  })
}

module "workout_recommendation" {
  source        = "./modules/inference-endpoint"
  name          = "workout-recommendation"
  instance_type = "ml.m5.xlarge"
  tags = {
    Environment  = "Production"
    Model        = "workout-recommendation"
    ModelVersion = local.models["workout-recommendation"].version
  }
}

module "energy_prediction" {
  source        = "./modules/inference-endpoint"
  name          = "energy-prediction"
  instance_type = "ml.c5.xlarge"
  tags = merge(local.prod_tags, {
    model        = "energy-prediction"
    ModelVersion = "0.9"
  })
}
