using System.Text.Json;

namespace EdgeCity.Inventory;

/// <summary>Camera links form the road graph vehicle routes follow: each must lead to another, existing camera, once.</summary>
internal static class CameraLinkCheck
{
    public static void Run(JsonElement root, ProblemReport report)
    {
        HashSet<string> cameras = ReferenceCheck.Ids(root, "cameras");
        foreach ((JsonElement camera, string cameraPointer) in LenientJson.Objects(root, "cameras"))
        {
            string? from = LenientJson.String(camera, "id");
            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach ((JsonElement link, string linkPointer) in LenientJson.Objects(camera, cameraPointer, "links"))
            {
                if (LenientJson.String(link, "to") is not { } to)
                {
                    continue;
                }

                string at = JsonPointerText.Append(linkPointer, "to");
                if (to == from)
                {
                    report.AddAt(ValidationProblemKind.Consistency, at,
                        $"camera '{to}' links to itself (expected the id of another camera)");
                }
                else if (!cameras.Contains(to))
                {
                    report.AddAt(ValidationProblemKind.Consistency, at,
                        $"camera '{to}' does not exist (expected one of the ids in $.cameras)");
                }
                else if (!seen.TryAdd(to, linkPointer))
                {
                    report.AddAt(ValidationProblemKind.Consistency, at,
                        $"camera '{to}' is already linked from this camera by {report.Describe(seen[to])} (expected one link per destination)");
                }
            }
        }
    }
}
