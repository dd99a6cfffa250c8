using System;
using System.Collections.Generic;
using System.IO;

namespace Amazon.Lambda.KinesisEvents;

public class KinesisEvent
{
    public IList<KinesisEventRecord> Records { get; set; }

    // The real type derives from Amazon.Kinesis.Model.Record (AWSSDK.Kinesis). The stand-in does not reference
    // the AWS SDK, so the members it inherits from there are declared here instead (EncryptionType is left out).
    public class Record
    {
        public string KinesisSchemaVersion { get; set; }

        public DateTime? ApproximateArrivalTimestamp { get; set; }

        public MemoryStream Data { get; set; }

        public string PartitionKey { get; set; }

        public string SequenceNumber { get; set; }
    }

    public class KinesisEventRecord
    {
        public string AwsRegion { get; set; }

        public string EventId { get; set; }

        public string EventName { get; set; }

        public string EventSource { get; set; }

        public string EventSourceARN { get; set; }

        public string EventVersion { get; set; }

        public string InvokeIdentityArn { get; set; }

        public Record Kinesis { get; set; }
    }
}
