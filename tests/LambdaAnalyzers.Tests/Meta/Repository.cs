namespace LambdaAnalyzers.Tests.Meta;

/// <summary>Files of the repository the tests check against the code: README, docs, release tracking.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LambdaAnalyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("LambdaAnalyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
