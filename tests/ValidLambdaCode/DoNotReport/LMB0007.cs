// LMB0007 (write only under /tmp): correct code the rule must not report, one shape per class. Each case carries a
// "Case:" comment. The file compiles as a function project: it references Amazon.Lambda.Core and no test framework.
using System.IO.Compression;
using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.S3;
using Amazon.S3.Transfer;

[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

namespace DoNotReport.Lmb0007
{
    public sealed record Report(string Id, string Body);

    // Case: writes under /tmp: a literal, Path.GetTempPath() combined or concatenated, Path.GetTempFileName(), and a
    // rooted part that makes Path.Combine start over at /tmp.
    public class TmpWritesFunction
    {
        public string FunctionHandler(Report report, ILambdaContext context)
        {
            File.WriteAllText("/tmp/latest-report.json", report.Body);
            File.WriteAllText(Path.Combine(Path.GetTempPath(), "reports", "latest.json"), report.Body);
            File.WriteAllText(Path.GetTempPath() + "summary.txt", report.Id);
            var scratch = Path.GetTempFileName();
            File.WriteAllText(scratch, report.Body);
            File.Delete(scratch);
            File.WriteAllText(Path.Combine("reports", "/tmp/override.json"), report.Body);
            return report.Id;
        }
    }

    // Case: mounted file systems: EFS under /mnt, also through a constant, and the special files /dev/null and /proc.
    public class MountedFileSystemFunction
    {
        private const string EfsRoot = "/mnt/efs";

        public void FunctionHandler(Report report, ILambdaContext context)
        {
            File.WriteAllText(Path.Combine(EfsRoot, "reports", report.Id + ".json"), report.Body);
            Directory.CreateDirectory("/mnt/shared/archive");
            File.WriteAllText("/dev/null", report.Body);
            File.WriteAllText("/proc/self/oom_score_adj", "0");
        }
    }

    // Case: paths not known at compile time: configuration, environment variables, parameters, fields, a local
    // assigned twice, and paths outside the known read-only folders.
    public class UnknownPathsFunction
    {
        private readonly string _outputFolder = Environment.GetEnvironmentVariable("OUTPUT_FOLDER") ?? Path.GetTempPath();
        private static readonly string s_fileName = "report.json";

        public void FunctionHandler(Report report, ILambdaContext context)
        {
            File.WriteAllText(Path.Combine(_outputFolder, s_fileName), report.Body);
            File.WriteAllText(Environment.GetEnvironmentVariable("REPORT_PATH") ?? "/tmp/report.json", report.Body);
            var target = "draft.json";
            target = report.Id;
            File.WriteAllText(target, report.Body);
            File.WriteAllText("/home/sbx_user1051/report.json", report.Body);
            File.WriteAllText("../report.json", report.Body);
        }
    }

    // Case: reads of the deployment package: bundled files read, a FileStream opened for reading, a copy out of it.
    public class ReadsFunction
    {
        private static readonly string s_template = File.ReadAllText("templates/report.html");

        public string FunctionHandler(Report report, ILambdaContext context)
        {
            using var model = new FileStream("model.bin", FileMode.Open, FileAccess.Read);
            using var lookup = new StreamReader(Path.Combine(AppContext.BaseDirectory, "lookup.csv"));
            File.Copy("templates/report.docx", Path.Combine(Path.GetTempPath(), "report.docx"), overwrite: true);
            return s_template.Replace("{body}", report.Body) + lookup.ReadLine();
        }
    }

    // Case: downloads and extraction into the temp folder.
    public class DownloadFunction
    {
        private readonly ITransferUtility _transfer = new TransferUtility(new AmazonS3Client());

        public async Task FunctionHandler(Report report, ILambdaContext context)
        {
            using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var archive = Path.Combine(Path.GetTempPath(), "bundle.zip");
            await _transfer.DownloadAsync(archive, "bundles", report.Id, cancellation.Token);
            ZipFile.ExtractToDirectory(archive, Path.Combine(Path.GetTempPath(), "bundle"), overwriteFiles: true);
        }
    }
}
