variable "environment" {
  description = "Deployment environment of the production stack"
  type        = string
  default     = "prod"
}

variable "endpoint_instance_type" {
  description = "Instance type of the real-time inference endpoints"
  type        = string
  default     = "ml.g5.xlarge"
}

variable "extra_training_tags" {
  description = "Tags of the training scratch volume, which the training pipeline passes at apply time"
  type        = map(string)
}
