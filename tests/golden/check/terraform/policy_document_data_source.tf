data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "device" {
  statement {
    actions   = ["iot:Connect"]
    resources = ["arn:aws:iot:us-east-1:${data.aws_caller_identity.current.account_id}:client/&{iot:Connection.Thing.ThingName}"]
  }
  statement {
    actions   = ["iot:Publish", "iot:Receive"]
    resources = ["arn:aws:iot:us-east-1:${data.aws_caller_identity.current.account_id}:topic/fleet/${var.fleet}/*"]
  }
}

resource "aws_iot_policy" "device" {
  name   = "device"
  policy = data.aws_iam_policy_document.device.json
}
