namespace EdgeCity.CameraSim.Scenes;

/// <summary>One rendered camera frame: the JPEG a camera would deliver, and what is really in it.</summary>
/// <param name="Index">Scene number within its generator.</param>
/// <param name="Jpeg">The encoded frame, 1280×720.</param>
/// <param name="Conditions">How it was made.</param>
/// <param name="Plates">The plates in it (none for a plate-less scene).</param>
public sealed record SyntheticScene(int Index, byte[] Jpeg, SceneConditions Conditions, IReadOnlyList<PlateTruth> Plates);
