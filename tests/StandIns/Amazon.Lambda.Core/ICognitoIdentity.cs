namespace Amazon.Lambda.Core;

public interface ICognitoIdentity
{
    string IdentityId { get; }

    string IdentityPoolId { get; }
}
