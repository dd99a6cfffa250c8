// LMB0011 (handler string does not match a method): the C# side of handler strings that resolve. The rule reads
// deployment files, which this compilation has none of: HandlerStringMismatchAnalyzerTests runs these shapes with the
// handler strings that name them (a method of a base class, an overload named by its signature, a nested type, a
// static method of an abstract class) and asserts that nothing is reported. Each case carries a "Case:" comment.
using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;

[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

namespace DoNotReport.Lmb0011
{
    // Case: the handler is declared by a base class: DoNotReport::DoNotReport.Lmb0011.Derived::Handle.
    public class Base
    {
        public string Handle(string input, ILambdaContext context) => input;
    }

    public class Derived : Base
    {
    }

    // Case: an overloaded name, the handler string gives the signature.
    public class Overloads
    {
        public string Handle(string input) => input;

        public string Handle(string input, ILambdaContext context) => input;
    }

    // Case: a nested type, written Outer+Inner.
    public class Outer
    {
        public class Inner
        {
            public string Handle(string input) => input;
        }
    }

    // Case: a static method of an abstract class.
    public abstract class StaticHandlers
    {
        public static string Handle(string input) => input;
    }
}
