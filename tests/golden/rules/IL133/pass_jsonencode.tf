resource "aws_iot_policy" "device" {
  name = "device"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "iot:Connect"
      Resource = "arn:aws:iot:${var.region}:${var.account_id}:client/$${iot:Connection.Thing.ThingName}"
      Condition = {
        Bool = { "iot:Connection.Thing.IsAttached" = "true" }
      }
    }]
  })
}
