terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = var.region
}

variable "region" {
  type    = string
  default = "eu-central-1"
}

variable "db_instance_class" {
  type    = string
  default = "db.r6g.large"
}

variable "app_image" {
  type    = string
  default = "123456789012.dkr.ecr.eu-central-1.amazonaws.com/shop:1.4.2"
}

locals {
  azs = ["eu-central-1a", "eu-central-1b"]
}
