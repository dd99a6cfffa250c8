// LMB0008 (delete per-invocation files in /tmp): correct code the rule must not report, one shape per class. Each
// case carries a "Case:" comment.
using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.S3;
using Amazon.S3.Transfer;

[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

namespace DoNotReport.Lmb0008
{
    public sealed record Job(string Id, string Bucket, string Key, string Body);

    // Case: Path.GetTempFileName() followed by File.Delete in a finally block.
    public class TempFileNameFunction
    {
        public string FunctionHandler(Job job, ILambdaContext context)
        {
            var path = Path.GetTempFileName();
            try
            {
                File.WriteAllText(path, job.Body);
                return File.ReadAllText(path);
            }
            finally
            {
                File.Delete(path);
            }
        }
    }

    // Case: a per-request download deleted afterwards, on one path only (the rule is flow-insensitive).
    public class DownloadFunction
    {
        private readonly ITransferUtility _transfer = new TransferUtility(new AmazonS3Client());

        public async Task<long> FunctionHandler(Job job, ILambdaContext context)
        {
            using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var local = Path.Combine(Path.GetTempPath(), context.AwsRequestId + ".bin");
            await _transfer.DownloadAsync(local, job.Bucket, job.Key, cancellation.Token);
            var length = new FileInfo(local).Length;
            if (length > 0)
            {
                File.Delete(local);
            }

            return length;
        }
    }

    // Case: a fixed name overwritten by every invocation.
    public class FixedNameFunction
    {
        public void FunctionHandler(Job job, ILambdaContext context)
        {
            File.WriteAllText(Path.Combine(Path.GetTempPath(), "last-job.json"), job.Body);
            File.WriteAllText("/tmp/state.txt", job.Id);
        }
    }

    // Case: a cache in /tmp that checks File.Exists before downloading: the file is reused by later invocations.
    public class CacheFunction
    {
        private readonly ITransferUtility _transfer = new TransferUtility(new AmazonS3Client());

        public async Task<long> FunctionHandler(Job job, ILambdaContext context)
        {
            using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var cached = Path.Combine(Path.GetTempPath(), "models", job.Key);
            if (!File.Exists(cached))
            {
                await _transfer.DownloadAsync(cached, job.Bucket, job.Key, cancellation.Token);
            }

            return new FileInfo(cached).Length;
        }
    }

    // Case: the file opened with FileOptions.DeleteOnClose; a FileInfo deleted; a file moved away; a work folder
    // deleted with everything in it.
    public class OtherCleanupsFunction
    {
        public void FunctionHandler(Job job, ILambdaContext context)
        {
            using (var buffer = new FileStream(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N")), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.DeleteOnClose))
            {
                buffer.WriteByte(1);
            }

            var info = new FileInfo(Path.Combine(Path.GetTempPath(), Path.GetRandomFileName()));
            using (var writer = info.CreateText())
            {
                writer.Write(job.Body);
            }

            info.Delete();

            var partial = $"/tmp/{job.Id}.part";
            File.WriteAllText(partial, job.Body);
            File.Move(partial, "/tmp/latest.json", overwrite: true);

            var work = Path.Combine(Path.GetTempPath(), context.AwsRequestId);
            Directory.CreateDirectory(work);
            File.WriteAllText(Path.Combine(work, "input.json"), job.Body);
            Directory.Delete(work, recursive: true);
        }
    }

    // Case: the path handed to a method of this project, which may clean it up.
    public class HandedOverFunction
    {
        public void FunctionHandler(Job job, ILambdaContext context)
        {
            var path = Path.Combine(Path.GetTempPath(), DateTime.UtcNow.Ticks + ".json");
            File.WriteAllText(path, job.Body);
            Cleanup.Later(path);
        }
    }

    internal static class Cleanup
    {
        public static void Later(string path) => File.Delete(path);
    }

    // Case: per-invocation names written in init code and outside /tmp (EFS, unknown folders).
    public class InitAndOtherPlacesFunction
    {
        private static readonly string s_warmUp = WarmUp();

        public void FunctionHandler(Job job, ILambdaContext context)
        {
            File.WriteAllText($"/mnt/efs/jobs/{job.Id}.json", job.Body);
            File.WriteAllText(Path.Combine(Environment.GetEnvironmentVariable("WORK_DIR") ?? "/mnt/work", Guid.NewGuid().ToString()), job.Body);
        }

        private static string WarmUp()
        {
            var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString());
            File.WriteAllText(path, "warm");
            return path;
        }
    }
}
