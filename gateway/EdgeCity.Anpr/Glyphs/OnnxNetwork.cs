using Microsoft.ML.OnnxRuntime;

namespace EdgeCity.Anpr.Glyphs;

/// <summary>
/// A network run by ONNX Runtime on the calling thread (one intra-op thread: the frame's CPU time stays on the reading
/// thread), with one input and one output: the glyph CNN and the line network (CRNN) alike.
/// </summary>
internal sealed class OnnxNetwork : IDisposable
{
    private readonly SessionOptions _sessionOptions;
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;

    /// <exception cref="InvalidOperationException">The bytes are no network ONNX Runtime can load, or it has other than one input and one output.</exception>
    public OnnxNetwork(byte[] onnx, string what)
    {
        _sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        try
        {
            _session = new InferenceSession(onnx, _sessionOptions);
        }
        catch (OnnxRuntimeException e)
        {
            _sessionOptions.Dispose();
            throw new InvalidOperationException($"ONNX Runtime could not load the {what}: {e.Message}", e);
        }

        _inputNames = [.. _session.InputNames];
        _outputNames = [.. _session.OutputNames];
        if (_inputNames.Length != 1 || _outputNames.Length != 1)
        {
            Dispose();
            throw new InvalidOperationException($"the {what} has {_inputNames.Length} inputs and {_outputNames.Length} outputs; expected one input and one output");
        }
    }

    /// <summary>Runs the network on <paramref name="input"/> of <paramref name="shape"/>; the caller disposes the outputs.</summary>
    public IDisposableReadOnlyCollection<OrtValue> Run(float[] input, long[] shape)
    {
        using OrtValue batch = OrtValue.CreateTensorValueFromMemory(input, shape);
        return _session.Run(_runOptions, _inputNames, [batch], _outputNames);
    }

    /// <summary>The embedded resource <paramref name="name"/>'s bytes, or null when it is not built in.</summary>
    public static byte[]? Embedded(string name)
    {
        using Stream? stream = typeof(OnnxNetwork).Assembly.GetManifestResourceStream(name);
        if (stream is null) return null;
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _session.Dispose();
        _runOptions.Dispose();
        _sessionOptions.Dispose();
    }
}
