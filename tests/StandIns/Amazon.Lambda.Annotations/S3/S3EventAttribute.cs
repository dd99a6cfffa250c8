using System;

namespace Amazon.Lambda.Annotations.S3;

[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public class S3EventAttribute : Attribute
{
    public S3EventAttribute(string bucket)
    {
        Bucket = bucket;
    }

    public string Bucket { get; set; }

    public string ResourceName { get; set; }

    public string Events { get; set; }

    public string FilterPrefix { get; set; }

    public string FilterSuffix { get; set; }

    public bool Enabled { get; set; }
}
