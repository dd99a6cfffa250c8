// LMB0017 (deployment file not read): the rule's only input is a deployment file, which this compilation has none of.
// DeploymentFileNotReadAnalyzerTests runs the readable files each case names, beside a handler like these, and asserts
// that nothing is reported. Each case carries a "Case:" comment.
using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;

[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

namespace DoNotReport.Lmb0017
{
    // Case: a serverless.template in JSON indented with tabs, with an escaped slash, as the AWS blueprints write it,
    // names this handler: DoNotReport::DoNotReport.Lmb0017.TabIndentedJsonTemplate::Handle.
    public class TabIndentedJsonTemplate
    {
        public string Handle(string input, ILambdaContext context) => input;
    }

    // Case: a template.yaml with short-form tags (!Sub, !GetAtt, !If, !Ref), an anchor and its alias, and a second
    // document after "---": read (the first document), not reported.
    public class YamlWithTagsAnchorsAndDocuments
    {
        public string Handle(string input, ILambdaContext context) => input;
    }

    // Case: an empty template.yaml, or one of blank lines or comments only: read, names no function, not reported. The
    // handler is found by its ILambdaContext parameter alone.
    public class EmptyDeploymentFile
    {
        public string Handle(string input, ILambdaContext context) => input;
    }

    // Case: a not well-formed file of another name (notes.yaml, template.json) is not a deployment file.
    public class OtherAdditionalFiles
    {
        public string Handle(string input, ILambdaContext context) => input;
    }
}
