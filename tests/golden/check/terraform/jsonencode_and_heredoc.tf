resource "aws_iot_policy" "sensor" {
  name = "sensor"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["iot:Publish", "iot:Receive"]
        Resource = ["arn:aws:iot:${var.region}:${var.account_id}:topic/$aws/things/*/shadow/update"]
      },
    ]
  })
}

resource "aws_iot_policy" "gateway" {
  name   = "gateway"
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Action": "iot:Connect", "Resource": "aws:iot:${var.region}:${var.account_id}:client/*"}]
}
EOF
}
