"""Launches the nightly retraining of the nutrition app's models on SageMaker.

Run by the scheduler with the model to retrain: `python launch.py food-recognition`.
"""

import sys
from datetime import datetime, timezone

import boto3
from sagemaker.estimator import Estimator

ROLE = "arn:aws:iam::123456789012:role/nutrition-sagemaker"
IMAGE = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/nutrition-train:latest"

TEAM_TAGS = [
    {"Key": "Project", "Value": "nutrition-ai"},
    {"Key": "Environment", "Value": "prod"},
    {"Key": "CostCenter", "Value": "CC-4100"},
    {"Key": "Owner", "Value": "ml-platform"},
]


def artifact_bucket(name):
    """The bucket the jobs write models to; tagged right after it is created."""
    s3 = boto3.client("s3")
    s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
    s3.put_bucket_tagging(Bucket=name, Tagging={"TagSet": TEAM_TAGS})
    return f"s3://{name}"


def retrain_food_recognition(output):
    sm = boto3.client("sagemaker")
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d%H%M")
    tags = TEAM_TAGS + [{"Key": "Model", "Value": "food-recognition"}]
    sm.create_training_job(
        TrainingJobName=f"food-recognition-{stamp}",
        RoleArn=ROLE,
        AlgorithmSpecification={"TrainingImage": IMAGE, "TrainingInputMode": "File"},
        ResourceConfig={"InstanceType": "ml.g5.2xlarge", "InstanceCount": 1, "VolumeSizeInGB": 200},
        OutputDataConfig={"S3OutputPath": output},
        StoppingCondition={"MaxRuntimeInSeconds": 14400},
        Tags=tags,
    )


def retrain_energy_prediction(output):
    # Copied from an experiment notebook: the tags stop at the model name.
    sm = boto3.client("sagemaker")
    sm.create_training_job(
        TrainingJobName="energy-prediction-nightly",
        RoleArn=ROLE,
        AlgorithmSpecification={"TrainingImage": IMAGE, "TrainingInputMode": "File"},
        ResourceConfig={"InstanceType": "ml.m5.4xlarge", "InstanceCount": 2, "VolumeSizeInGB": 50},
        OutputDataConfig={"S3OutputPath": output},
        StoppingCondition={"MaxRuntimeInSeconds": 7200},
        Tags=[{"Key": "Model", "Value": "energy-prediction"}],
    )


def retrain_workout_recommendation(output, **overrides):
    estimator = Estimator(
        image_uri=IMAGE,
        role=ROLE,
        instance_count=1,
        instance_type="ml.g5.xlarge",
        output_path=output,
        tags=[
            {"Key": "Project", "Value": "nutrition-ai"},
            {"Key": "environment", "Value": "staging"},
            {"Key": "CostCenter", "Value": "CC-4100"},
            {"Key": "Owner", "Value": "ml-platform"},
            {"Key": "Model", "Value": "workout-recommendation"},
        ],
        **overrides,
    )
    estimator.fit({"train": f"{output}/workout/train"})
    estimator.deploy(initial_instance_count=1, instance_type="ml.g5.xlarge")


if __name__ == "__main__":
    model = sys.argv[1]
    out = artifact_bucket("nutrition-models-prod")
    {
        "food-recognition": retrain_food_recognition,
        "energy-prediction": retrain_energy_prediction,
        "workout-recommendation": retrain_workout_recommendation,
    }[model](out)
