namespace LambdaAnalyzers;

public static class RuleCategories
{
    public const string Performance = "Performance";
    public const string Reliability = "Reliability";
    public const string Security = "Security";
}
