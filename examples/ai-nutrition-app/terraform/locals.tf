locals {
  models = {
    food-recognition       = { version = "v3.2", feature = "meal-logging" }
    workout-recommendation = { version = "v1.8", feature = "coaching" }
    energy-prediction      = { version = "v0.9", feature = "daily-energy" }
  }

  prod_tags = {
    Environment = var.environment
  }
}
