resource "aws_iot_policy" "device" {
  name   = "device"
  policy = <<-EOF
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Action": "iot:Publish",
        "Resource": "arn:aws:iot:${var.region}:${var.account_id}:topic/devices/${iot:ClientId}/telemetry"
      }]
    }
  EOF
}
