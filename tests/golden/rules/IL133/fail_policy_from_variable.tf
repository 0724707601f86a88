variable "device_policy" {
  type = string
}

resource "aws_iot_policy" "device" {
  name   = "device"
  policy = var.device_policy
}
