# A DynamoDB global table in three regions, read and written by a function in each home region.
provider "aws" {
  region = "us-east-1"
}

provider "aws" {
  alias  = "west"
  region = "us-west-2"
}

resource "aws_dynamodb_table" "sessions" {
  name             = "sessions"
  billing_mode     = "PROVISIONED"
  read_capacity    = 50
  write_capacity   = 20
  hash_key         = "session_id"
  range_key        = "created_at"
  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"

  attribute {
    name = "session_id"
    type = "S"
  }
  attribute {
    name = "created_at"
    type = "N"
  }

  point_in_time_recovery {
    enabled = true
  }

  replica {
    region_name = "us-west-2"
  }
  replica {
    region_name = "eu-west-1"
  }

  tags = {
    Name = "Sessions"
  }
}

resource "aws_iam_role" "sessions_west" {
  provider           = aws.west
  name               = "sessions-west"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }] })
}

resource "aws_iam_role_policy" "sessions_west" {
  provider = aws.west
  role     = aws_iam_role.sessions_west.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["dynamodb:GetItem", "dynamodb:Query"]
      Resource = aws_dynamodb_table.sessions.arn
    }]
  })
}

resource "aws_lambda_function" "sessions_west" {
  provider      = aws.west
  function_name = "sessions-api"
  role          = aws_iam_role.sessions_west.arn
  runtime       = "nodejs22.x"
  handler       = "index.handler"
  filename      = "build/sessions.zip"
  memory_size   = 512
}
