// LMB0006 (write to /tmp exceeds ephemeral storage): correct code the rule must not report, one shape per class. Each
// case carries a "Case:" comment.
using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;

[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

namespace DoNotReport.Lmb0006
{
    public sealed record ExportRequest(string Name, int Megabytes);

    // Case: sizes under the 512 MB default, and exactly at it.
    public class SmallWritesFunction
    {
        private const int MB = 1024 * 1024;

        public void FunctionHandler(ExportRequest request, ILambdaContext context)
        {
            File.WriteAllBytes(Path.Combine(Path.GetTempPath(), "small.bin"), new byte[64 * MB]);
            using var stream = File.Create("/tmp/reserved.bin");
            stream.SetLength(512L * MB);
            var block = new byte[MB];
            for (var i = 0; i < 256; i++)
            {
                stream.Write(block, 0, block.Length);
            }
        }
    }

    // Case: sizes not known at compile time: from the request, from a computed loop bound, a local assigned twice.
    public class ComputedSizesFunction
    {
        private const int MB = 1024 * 1024;

        public void FunctionHandler(ExportRequest request, ILambdaContext context)
        {
            File.WriteAllBytes("/tmp/requested.bin", new byte[request.Megabytes * MB]);
            using var stream = File.Create("/tmp/blocks.bin");
            var block = new byte[MB];
            for (var i = 0; i < request.Megabytes; i++)
            {
                stream.Write(block);
            }

            var buffer = new byte[900 * MB];
            buffer = new byte[MB];
            File.WriteAllBytes("/tmp/buffer.bin", buffer);
        }
    }

    // Case: a counted loop that may stop early or writes only on some iterations.
    public class EarlyExitFunction
    {
        private const int MB = 1024 * 1024;

        public void FunctionHandler(ExportRequest request, ILambdaContext context)
        {
            using var stream = File.Create("/tmp/partial.bin");
            var block = new byte[MB];
            for (var i = 0; i < 2000; i++)
            {
                if (i >= request.Megabytes)
                {
                    break;
                }

                stream.Write(block);
            }

            for (var i = 0; i < 2000; i++)
            {
                if (i % 10 == 0)
                {
                    stream.Write(block);
                }
            }
        }
    }

    // Case: large writes that do not go to /tmp: EFS, memory, an unknown folder.
    public class OtherDestinationsFunction
    {
        private const int MB = 1024 * 1024;

        public void FunctionHandler(ExportRequest request, ILambdaContext context)
        {
            File.WriteAllBytes("/mnt/efs/exports/large.bin", new byte[1500 * MB]);
            using var memory = new MemoryStream();
            memory.SetLength(600L * MB);
            var folder = Environment.GetEnvironmentVariable("EXPORT_FOLDER") ?? "/mnt/exports";
            File.WriteAllBytes(Path.Combine(folder, request.Name), new byte[700 * MB]);
        }
    }
}
