resource "aws_sqs_queue" "ok" {
  name = "fine"
}

resource "aws_sqs_queue" "broken" {
  name = "broken"
  visibility_timeout_seconds = 
}
