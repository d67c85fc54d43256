# GPU training box for the food-recognition model, and its scratch volume.

resource "aws_instance" "gpu_trainer" {
  ami           = "ami-0a1b2c3d4e5f60718"
  instance_type = "g5.2xlarge"

  tags = merge(local.prod_tags, {
    Name    = "food-recognition-trainer"
    Model   = "food-recognition"
    Purpose = "retraining"
  })
}

resource "aws_ebs_volume" "training_scratch" {
  availability_zone = "eu-west-1a"
  size              = 2000
  type              = "gp3"

  tags = var.extra_training_tags
}
