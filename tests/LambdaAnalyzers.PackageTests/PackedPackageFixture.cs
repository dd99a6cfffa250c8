using System.Globalization;

namespace LambdaAnalyzers.PackageTests;

/// <summary>
/// Packs src/LambdaAnalyzers.Package once for <see cref="PackageEndToEndTests"/> into a fresh temporary folder, with a
/// version no earlier run used, and deletes the folder afterwards.
/// </summary>
public sealed class PackedPackageFixture : IAsyncLifetime
{
    public const string PackageId = "LambdaAnalyzers";

    public PackedPackageFixture()
    {
        RepositoryRoot = FindRepositoryRoot();
        WorkDirectory = Path.Combine(Path.GetTempPath(), "LambdaAnalyzers.PackageTests-" + Guid.NewGuid().ToString("N")[..12]);
        FeedDirectory = Path.Combine(WorkDirectory, "feed");

        // Unique per run, so that no NuGet cache can serve an older build under the same version.
        Version = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture);
        PackagePath = Path.Combine(FeedDirectory, $"{PackageId}.{Version}.nupkg");
    }

    /// <summary>The folder holding LambdaAnalyzers.sln.</summary>
    public string RepositoryRoot { get; }

    /// <summary>The temporary folder everything is written to: feed, build output of the pack, consumer, caches.</summary>
    public string WorkDirectory { get; }

    /// <summary>The local NuGet feed: a folder holding the packed .nupkg.</summary>
    public string FeedDirectory { get; }

    public string Version { get; }

    public string PackagePath { get; }

    internal CommandResult? PackResult { get; private set; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(FeedDirectory);
        try
        {
            var project = Path.Combine(RepositoryRoot, "src", "LambdaAnalyzers.Package", "LambdaAnalyzers.Package.csproj");
            PackResult = await DotNetCli.RunAsync(
                RepositoryRoot,
                new Dictionary<string, string?>(),
                DotNetCli.DefaultTimeout,
                "pack", project,
                "-c", "Release",
                "-o", FeedDirectory,
                $"-p:Version={Version}",
                // Build output and obj/ of the three projects go to the work folder: nothing is written to the repository,
                // nothing left there by earlier builds is reused, and concurrent builds of the repository are not disturbed.
                "--artifacts-path", Path.Combine(WorkDirectory, "artifacts"),
                // No MSBuild node or compiler server outlives the command.
                "--disable-build-servers",
                "-tl:off");

            Assert.True(PackResult.ExitCode == 0, "dotnet pack failed. " + PackResult.Describe());
            Assert.True(File.Exists(PackagePath), $"dotnet pack did not create {PackagePath}. " + PackResult.Describe());
        }
        catch
        {
            // xunit does not dispose a fixture whose initialization failed.
            DeleteWorkDirectory();
            throw;
        }
    }

    public Task DisposeAsync()
    {
        DeleteWorkDirectory();
        return Task.CompletedTask;
    }

    private void DeleteWorkDirectory()
    {
        for (var attempt = 1; Directory.Exists(WorkDirectory); attempt++)
        {
            try
            {
                Directory.Delete(WorkDirectory, recursive: true);
            }
            catch (Exception exception) when (attempt < 5 && exception is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(TimeSpan.FromSeconds(1));
            }
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LambdaAnalyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains LambdaAnalyzers.sln.");
    }
}
