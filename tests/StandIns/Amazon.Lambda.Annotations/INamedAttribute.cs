namespace Amazon.Lambda.Annotations;

public interface INamedAttribute
{
    string Name { get; set; }
}
