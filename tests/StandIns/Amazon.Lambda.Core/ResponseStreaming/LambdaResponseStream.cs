#if NET8_0_OR_GREATER
using System.IO;
using System.Runtime.Versioning;
using System.Threading;
using System.Threading.Tasks;

namespace Amazon.Lambda.Core.ResponseStreaming;

[RequiresPreviewFeatures(LambdaResponseStreamFactory.PreviewMessage)]
public class LambdaResponseStream : Stream
{
    internal LambdaResponseStream() { }

    public long BytesWritten => 0;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => 0;

    public override long Position
    {
        get => throw null;
        set => throw null;
    }

    public Task WriteAsync(byte[] buffer, CancellationToken cancellationToken = default) => throw null;

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken = default) => throw null;

    public override long Seek(long offset, SeekOrigin origin) => throw null;

    public override int Read(byte[] buffer, int offset, int count) => throw null;

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => throw null;

    public override void Write(byte[] buffer, int offset, int count) => throw null;

    public override void Flush() { }

    public override void SetLength(long value) => throw null;
}
#endif
