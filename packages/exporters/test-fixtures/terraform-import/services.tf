# A serverless storefront: an HTTP API with Cognito auth, a checkout workflow, events, uploads,
# a CDN in front of a bucket, and the data stores around them.
provider "aws" {
  region = "eu-west-1"
}

resource "aws_cognito_user_pool" "customers" {
  name = "customers"
}

resource "aws_cognito_user_pool_client" "web" {
  name         = "web"
  user_pool_id = aws_cognito_user_pool.customers.id
}

resource "aws_apigatewayv2_api" "store" {
  name          = "store"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_authorizer" "cognito" {
  api_id           = aws_apigatewayv2_api.store.id
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]
  name             = "cognito"
  jwt_configuration {
    audience = [aws_cognito_user_pool_client.web.id]
    issuer   = "https://${aws_cognito_user_pool.customers.endpoint}"
  }
}

resource "aws_apigatewayv2_stage" "live" {
  api_id      = aws_apigatewayv2_api.store.id
  name        = "$default"
  auto_deploy = true
  default_route_settings {
    throttling_rate_limit  = 250
    throttling_burst_limit = 500
  }
}

resource "aws_apigatewayv2_integration" "catalog" {
  api_id                 = aws_apigatewayv2_api.store.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.catalog.invoke_arn
  payload_format_version = "2.0"
}

resource "aws_apigatewayv2_route" "catalog" {
  api_id             = aws_apigatewayv2_api.store.id
  route_key          = "GET /products/{id}"
  target             = "integrations/${aws_apigatewayv2_integration.catalog.id}"
  authorization_type = "JWT"
  authorizer_id      = aws_apigatewayv2_authorizer.cognito.id
}

resource "aws_lambda_function" "catalog" {
  function_name = "catalog"
  role          = "arn:aws:iam::123456789012:role/catalog"
  runtime       = "nodejs22.x"
  handler       = "index.handler"
  filename      = "catalog.zip"
  environment {
    variables = {
      CACHE_HOST = aws_elasticache_replication_group.sessions.primary_endpoint_address
    }
  }
}

resource "aws_lambda_function" "charge" {
  function_name = "charge"
  role          = "arn:aws:iam::123456789012:role/charge"
  runtime       = "java21"
  handler       = "Charge::handle"
  filename      = "charge.zip"
  memory_size   = 1769
}

resource "aws_lambda_function" "thumbnail" {
  function_name = "thumbnail"
  role          = "arn:aws:iam::123456789012:role/thumbnail"
  runtime       = "python3.13"
  handler       = "thumb.handle"
  filename      = "thumb.zip"
}

resource "aws_lambda_function" "nightly" {
  function_name = "nightly-report"
  role          = "arn:aws:iam::123456789012:role/nightly"
  runtime       = "ruby2.7"
  handler       = "report.run"
  filename      = "report.zip"
  memory_size   = 99999
}

resource "aws_sfn_state_machine" "checkout" {
  name     = "checkout"
  role_arn = "arn:aws:iam::123456789012:role/checkout"
  type     = "EXPRESS"
  definition = jsonencode({
    StartAt = "Charge"
    States = {
      Charge = { Type = "Task", Resource = aws_lambda_function.charge.arn, End = true }
    }
  })
}

resource "aws_cloudwatch_event_bus" "orders" {
  name = "orders"
}

resource "aws_cloudwatch_event_rule" "placed" {
  name           = "order-placed"
  event_bus_name = aws_cloudwatch_event_bus.orders.name
  event_pattern  = jsonencode({ "detail-type" = ["OrderPlaced"] })
}

resource "aws_cloudwatch_event_target" "placed_checkout" {
  rule           = aws_cloudwatch_event_rule.placed.name
  event_bus_name = aws_cloudwatch_event_bus.orders.name
  arn            = aws_sfn_state_machine.checkout.arn
}

resource "aws_cloudwatch_event_rule" "nightly" {
  name                = "nightly"
  schedule_expression = "cron(0 2 * * ? *)"
}

resource "aws_cloudwatch_event_target" "nightly" {
  rule = aws_cloudwatch_event_rule.nightly.name
  arn  = aws_lambda_function.nightly.arn
}

resource "aws_s3_bucket" "uploads" {
  bucket = "store-uploads"
}

resource "aws_s3_bucket_versioning" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_notification" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  lambda_function {
    lambda_function_arn = aws_lambda_function.thumbnail.arn
    events              = ["s3:ObjectCreated:*"]
  }
}

resource "aws_wafv2_web_acl" "edge" {
  name  = "edge"
  scope = "CLOUDFRONT"
  default_action {
    allow {}
  }
  rule {
    name     = "common"
    priority = 1
  }
  rule {
    name     = "bad-inputs"
    priority = 2
  }
  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "edge"
    sampled_requests_enabled   = true
  }
}

resource "aws_cloudfront_distribution" "assets" {
  enabled     = true
  price_class = "PriceClass_200"
  web_acl_id  = aws_wafv2_web_acl.edge.arn
  origin {
    domain_name = aws_s3_bucket.uploads.bucket_regional_domain_name
    origin_id   = "uploads"
  }
  default_cache_behavior {
    target_origin_id       = "uploads"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
  }
  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }
  viewer_certificate {
    cloudfront_default_certificate = true
  }
}

resource "aws_route53_zone" "store" {
  name = "store.example.com."
}

resource "aws_route53_record" "assets" {
  zone_id = aws_route53_zone.store.zone_id
  name    = "assets.store.example.com"
  type    = "A"
  alias {
    name                   = aws_cloudfront_distribution.assets.domain_name
    zone_id                = aws_cloudfront_distribution.assets.hosted_zone_id
    evaluate_target_health = false
  }
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id = "sessions"
  description          = "sessions"
  engine               = "redis"
  node_type            = "cache.r7g.large"
  num_cache_clusters   = 3
}

resource "aws_rds_cluster" "ledger" {
  cluster_identifier = "ledger"
  engine             = "aurora-postgresql"
  master_username    = "ledger"
  manage_master_user_password = true
}

resource "aws_rds_cluster_instance" "ledger" {
  count              = 2
  cluster_identifier = aws_rds_cluster.ledger.id
  instance_class     = "db.r6g.xlarge"
  engine             = aws_rds_cluster.ledger.engine
}

resource "aws_msk_cluster" "events" {
  cluster_name           = "events"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3
  broker_node_group_info {
    instance_type   = "kafka.m7g.large"
    client_subnets  = ["subnet-1", "subnet-2", "subnet-3"]
    security_groups = ["sg-1"]
    storage_info {
      ebs_storage_info {
        volume_size = 500
      }
    }
  }
}

resource "aws_kinesis_stream" "clicks" {
  name             = "clicks"
  shard_count      = 4
  retention_period = 48
}

resource "random_password" "unused" {
  length = 16
}
