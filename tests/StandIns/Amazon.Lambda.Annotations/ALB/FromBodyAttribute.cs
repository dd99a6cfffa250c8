using System;

namespace Amazon.Lambda.Annotations.ALB;

[AttributeUsage(AttributeTargets.Parameter)]
public class FromBodyAttribute : Attribute
{
}
