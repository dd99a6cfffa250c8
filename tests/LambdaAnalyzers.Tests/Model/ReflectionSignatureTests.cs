using System.Reflection;
using System.Runtime.Loader;
using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LambdaAnalyzers.Tests.Model;

/// <summary>
/// <see cref="ReflectionSignature"/> against the real thing: the methods of a compiled assembly, loaded, and what
/// <c>MethodInfo.ToString()</c> says of each.
/// </summary>
public sealed class ReflectionSignatureTests
{
    private const string Source = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Threading.Tasks;

        namespace Shapes
        {
            public class Outer
            {
                public class Inner
                {
                }

                public class Box<T>
                {
                    public class Item
                    {
                    }
                }

                public struct Point
                {
                }
            }

            public enum Color
            {
                Red,
            }

            public unsafe class Methods
            {
                public string Text(string s) => s;

                public void Primitives(int i, long l, bool b, char c, double d, float f, byte y, sbyte z, short h, ushort u, uint w, ulong q, IntPtr p, UIntPtr up)
                {
                }

                public Task<string> Objects(Stream s, object o, decimal m) => Task.FromResult("");

                public int[] Arrays(string[] a, int[,] b, List<int>[] c, Outer.Inner[][] d) => a.Length == 0 ? new int[0] : new int[1];

                public void References(ref int a, out string b, in long c, ref Outer.Inner d)
                {
                    b = "";
                }

                public Outer.Inner Nested(Outer.Inner[] a, Outer.Point p, Outer.Point? q) => a[0];

                public Dictionary<string, List<int>> Generics(int? a, (string, int) t, Color c, KeyValuePair<Outer.Inner, Color> pair) => new();

                public void GenericMethod<T>(T item, List<T> items)
                {
                }

                public static T TwoParameters<T, U>(U u) => default!;

                public Outer.Box<string>.Item NestedInGeneric(Outer.Box<int> b) => new();

                public int* Pointers(int* p, void* v, Outer.Point* q) => p;

                public ref int ReturnsByRef(ref int a) => ref a;

                public dynamic Dynamic(nint n, dynamic d) => d;

                public void Params(params string[] args)
                {
                }

                public ValueTask<int?> Delegates(Func<string, Task> f, Action a, EventHandler<EventArgs> e) => default;

                public void Empty()
                {
                }

                private static Task<List<string>> Private(string s) => Task.FromResult(new List<string> { s });

                public int this[int index] => index;

                public string Property { get; set; } = "";

                public static Methods operator +(Methods a, Methods b) => a;
            }
        }
        """;

    [Fact]
    public void EveryMethodsSignature_IsWhatMethodInfoToStringWrites()
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll"))
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "Shapes",
            [CSharpSyntaxTree.ParseText(Source)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));

        var context = new AssemblyLoadContext("Shapes", isCollectible: true);
        try
        {
            image.Position = 0;
            var loaded = context.LoadFromStream(image).GetType("Shapes.Methods")!;
            var methods = loaded.GetMethods(BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static);
            var symbols = compilation.GetTypeByMetadataName("Shapes.Methods")!.GetMembers().OfType<IMethodSymbol>()
                .Where(m => m.MethodKind is not (MethodKind.Constructor or MethodKind.StaticConstructor))
                .ToList();

            Assert.Equal(methods.Length, symbols.Count);
            Assert.Equal(
                methods.Select(m => m.ToString()).Order(StringComparer.Ordinal),
                symbols.Select(ReflectionSignature.Of).Order(StringComparer.Ordinal));
        }
        finally
        {
            context.Unload();
        }
    }
}
