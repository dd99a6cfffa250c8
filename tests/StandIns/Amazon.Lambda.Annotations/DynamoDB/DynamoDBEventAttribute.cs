using System;

namespace Amazon.Lambda.Annotations.DynamoDB;

public enum StartingPosition
{
    LATEST,
    TRIM_HORIZON,
}

[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public class DynamoDBEventAttribute : Attribute
{
    public DynamoDBEventAttribute(string stream)
    {
        Stream = stream;
    }

    public string Stream { get; set; }

    public string ResourceName { get; set; }

    public uint BatchSize { get; set; }

    public StartingPosition StartingPosition { get; set; } = StartingPosition.LATEST;

    public bool Enabled { get; set; }

    public uint MaximumBatchingWindowInSeconds { get; set; }

    public string Filters { get; set; }
}
