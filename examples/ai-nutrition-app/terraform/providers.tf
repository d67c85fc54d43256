terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
    google = {
      source  = "hashicorp/google"
      version = "~> 6.0"
    }
  }
}

# Every AWS resource of the app inherits these through tags_all.
provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = {
      Project    = "nutrition-ai"
      CostCenter = "CC-4120"
      Owner      = "ml-platform@nutrition.example"
    }
  }
}

# Staging lives in its own account; its default tags forgot the cost centre.
provider "aws" {
  alias  = "staging"
  region = "eu-west-1"
  default_tags {
    tags = {
      Project     = "nutrition-ai"
      Environment = "staging"
      Owner       = "ml-platform@nutrition.example"
    }
  }
}

provider "google" {
  project = "nutrition-ai-analytics"
  region  = "europe-west4"
}
