using System.Collections.Generic;

namespace Amazon.Lambda.S3Events;

public class S3ObjectLambdaEvent
{
    public string XAmzRequestId { get; set; }

    public GetObjectContextType GetObjectContext { get; set; }

    public ConfigurationType Configuration { get; set; }

    public UserRequestType UserRequest { get; set; }

    public UserIdentityType UserIdentity { get; set; }

    public string ProtocolVersion { get; set; }

    public class GetObjectContextType
    {
        public string InputS3Url { get; set; }

        public string OutputRoute { get; set; }

        public string OutputToken { get; set; }
    }

    public class ConfigurationType
    {
        public string AccessPointArn { get; set; }

        public string SupportingAccessPointArn { get; set; }

        public string Payload { get; set; }
    }

    public class UserRequestType
    {
        public string Url { get; set; }

        public IDictionary<string, string> Headers { get; set; }
    }

    public class UserIdentityType
    {
        public string Type { get; set; }

        public string PrincipalId { get; set; }

        public string Arn { get; set; }

        public string AccountId { get; set; }

        public string AccessKeyId { get; set; }

        public SessionContextType SessionContext { get; set; }
    }

    public class SessionContextType
    {
        public SessionContextAttributesType Attributes { get; set; }

        public SessionIssuerType SessionIssuer { get; set; }
    }

    public class SessionContextAttributesType
    {
        public string MfaAuthenticated { get; set; }

        public string CreationDate { get; set; }
    }

    public class SessionIssuerType
    {
        public string Type { get; set; }

        public string PrincipalId { get; set; }

        public string Arn { get; set; }

        public string AccountId { get; set; }

        public string UserName { get; set; }
    }
}
