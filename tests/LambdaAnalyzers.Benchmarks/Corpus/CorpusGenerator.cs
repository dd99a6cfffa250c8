using System.Collections.Immutable;

namespace LambdaAnalyzers.Benchmarks.Corpus;

/// <summary>Generated sources and what the generator put in them.</summary>
internal sealed record GeneratedCorpus(
    CorpusKind Kind,
    ImmutableArray<(string Path, string Text)> Files,
    int Lines,
    int HandlerRoots,
    int Violations);

/// <summary>Generates about <see cref="TargetLines"/> lines of C# from a fixed seed: the same shapes for both kinds.</summary>
internal static class CorpusGenerator
{
    public const int Seed = 20_240_917;
    public const int TargetLines = 100_000;

    private const string SharedSource = """
        using Amazon.DynamoDBv2;
        using Amazon.DynamoDBv2.DataModel;

        namespace Contoso.Shared;

        public static class SharedClients
        {
            public static IAmazonDynamoDB Dynamo { get; } = new AmazonDynamoDBClient();
        }

        [DynamoDBTable("contoso-events")]
        public sealed class EventItem
        {
            [DynamoDBHashKey]
            public string Id { get; set; } = string.Empty;

            public string Payload { get; set; } = string.Empty;
        }
        """;

    public static GeneratedCorpus Generate(CorpusKind kind)
    {
        var vocabulary = kind == CorpusKind.LambdaHeavy ? Vocabulary.Lambda : Vocabulary.WithoutLambda;
        var random = new Random(Seed);
        var files = ImmutableArray.CreateBuilder<(string Path, string Text)>();
        var lines = 0;
        var roots = 0;
        var violations = 0;

        AddFile("/src/Shared/SharedClients.cs", SharedSource);
        if (vocabulary.HostingSource is { } hosting)
        {
            AddFile("/src/Shared/Hosting.cs", hosting);
        }

        if (vocabulary.AssemblyAttributesSource is { } attributes)
        {
            AddFile("/src/Shared/AssemblyAttributes.cs", attributes);
        }

        // Stop on the units' lines as the Lambda vocabulary writes them, so both kinds get the same units.
        var usingsDelta = Vocabulary.Lambda.Usings.Count - vocabulary.Usings.Count;
        for (var (index, unitLines) = (0, 0); unitLines < TargetLines; index++)
        {
            var unit = new UnitWriter(vocabulary, random, index);
            var text = unit.Write();
            files.Add((unit.Path, text));
            unitLines += unit.LineCount + usingsDelta;
            lines += unit.LineCount;
            roots += unit.HandlerRoots;
            violations += unit.Violations;
        }

        return new GeneratedCorpus(kind, files.ToImmutable(), lines, roots, violations);

        void AddFile(string path, string text)
        {
            files.Add((path, text));
            lines += text.Split('\n').Length;
        }
    }
}
