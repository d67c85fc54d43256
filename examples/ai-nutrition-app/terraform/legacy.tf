# Resources that live under an exemption for a while (docs/policy.md#exemptions).

# Active: the old nightly exports belong to no environment and are deleted with the
# data-platform migration; the report lists the exemption with its owner and expiry.
# openclaw-tags:ignore Environment reason="deleted with the data-platform migration" owner=platform-team expires=2030-06-30
resource "aws_s3_bucket" "legacy_exports" {
  bucket = "nutrition-ai-legacy-exports"
}

# Expired: the launch demo in the staging account was to be torn down by the end of
# September. The exemption no longer applies: its CostCenter finding is back, beside an
# invalid-exemption finding that names the expiry.
# openclaw-tags:ignore CostCenter reason="demo for the launch event" owner=ml-platform expires=2026-09-30
resource "aws_sagemaker_endpoint" "launch_demo" {
  provider             = aws.staging
  name                 = "nutrition-launch-demo"
  endpoint_config_name = "nutrition-launch-demo"

  tags = {
    Model = "food-recognition"
  }
}
