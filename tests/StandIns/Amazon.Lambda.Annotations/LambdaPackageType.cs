namespace Amazon.Lambda.Annotations;

public enum LambdaPackageType
{
    Zip = 0,
    Image = 1,
}
