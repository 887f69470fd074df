namespace EdgeCity.Anpr.Diagnostics;

/// <summary>A stage of <see cref="PlateRecognizer.Read"/> whose time <see cref="StageProfile"/> sums.</summary>
internal enum Stage
{
    /// <summary>Grey conversion, ordering, suppression: what no other stage covers.</summary>
    Other,

    /// <summary>The half-resolution ink maps and character blobs (<c>LineSource</c>, <c>BlobExtractor</c>).</summary>
    Blobs,

    /// <summary>Blobs grouped into rows (<c>TextLineFinder</c>).</summary>
    Rows,

    /// <summary>The second look's windows and their full-resolution search (<c>SecondLook</c>).</summary>
    SecondLook,

    /// <summary>The rectifier's first, wider warp of a row.</summary>
    FirstWarp,

    /// <summary>The row refitted through the first warp's characters (<c>LineRectifier.Refine</c>), segmentation excluded.</summary>
    Refine,

    /// <summary>The refits of rows whose own refit failed or found an upper line (<c>MainLineSearch</c>, <c>TwoLinePlate</c>), their warps included.</summary>
    Refits,

    /// <summary>The final warp and its motion deblurring.</summary>
    FinalWarp,

    /// <summary>Binarisation and connected components of a rectified line's band (<c>GlyphSegmenter.Segment</c>, a cut not already made), wherever it is called.</summary>
    Segmentation,

    /// <summary>The glyph reader's layouts and scoring, segmentation and the glyph network excluded.</summary>
    GlyphReader,

    /// <summary>The glyph CNN's batches (<c>CnnGlyphClassifier.Classify</c>), glyph images included.</summary>
    GlyphCnn,

    /// <summary>The line network's input, decoding and left-out test (<c>CrnnLineReader</c>), the network run excluded.</summary>
    LineReader,

    /// <summary>The line network's runs (<c>CrnnLineModel.Run</c>).</summary>
    LineNetwork,

    /// <summary>The report rules after both readers (<c>LeftOutVeto</c>, <c>GlyphsConfirm</c>, <c>RegionDispute</c>, …).</summary>
    Rules,

    /// <summary>The plate bodies found around rows that read nothing (<c>PlateBodyRows</c>), their warps and readings excluded.</summary>
    PlateBody,

    /// <summary>A rim's long runs cleared from a blob the openings left wide and sparse, its re-split and the check of its parts (<c>RimRuns</c>, <c>LineOfCharacters</c>).</summary>
    RimSplit,
}
