# Meal photos are mirrored to GCP for the analytics team's Vertex AI notebooks.

resource "google_storage_bucket" "meal_photos" {
  name     = "nutrition-ai-meal-photos"
  location = "EU"

  labels = {
    project     = "nutrition-ai"
    environment = "prod"
    costcenter  = "cc-4120"
    owner       = "analytics@nutrition.example"
  }
}
