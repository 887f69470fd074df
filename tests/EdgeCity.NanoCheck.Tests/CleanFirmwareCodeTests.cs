using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace EdgeCity.NanoCheck.Tests;

public sealed class CleanFirmwareCodeTests
{
    [Fact]
    public void Code_written_the_nanoFramework_way_has_no_violation()
    {
        var violations = ProbeCompiler.CheckOnNano("""
            using System;
            using System.Collections;
            using System.Threading;

            namespace EdgeCity.Firmware.Probe
            {
                public interface ISensor { int Read(); }

                public sealed class FakeSensor : ISensor { public int Read() { return 42; } }

                public delegate void ReadingHandler(int value);

                public struct Reading { public int Value; public long Ticks; }

                public enum Mode { Idle, Busy }

                public abstract class Stage { public abstract string Name { get; } public virtual int Weight() { return 1; } }

                public sealed class Sampler : Stage, IDisposable
                {
                    private readonly ArrayList _readings = new ArrayList();
                    private readonly int[][] _rows = new int[2][];
                    private readonly Reading[] _ring = new Reading[4];
                    private readonly byte[] _header = new byte[] { 1, 2, 3 };
                    private readonly object _gate = new object();
                    private string? _label;

                    public event ReadingHandler? Sampled;

                    public override string Name { get { return "sampler"; } }

                    public override int Weight() { return base.Weight() + _header.Length; }

                    public string Describe(ISensor sensor)
                    {
                        int value = sensor.Read();
                        lock (_gate)
                        {
                            _readings.Add(value);
                        }

                        _rows[0] = new int[] { value };
                        _ring[0] = new Reading { Value = value, Ticks = DateTime.UtcNow.Ticks };
                        Reading first = _ring[0];
                        Sampled?.Invoke(first.Value);
                        foreach (object reading in _readings)
                        {
                            _label = reading.ToString();
                        }

                        var worker = new Thread(() => { _label = "worker"; });
                        string text = "value=" + value + " mode=" + Mode.Busy.ToString() + " label=" + _label;
                        try
                        {
                            text = $"{text} at {first.Ticks}";
                        }
                        catch (InvalidOperationException ex) when (ex.Message.Length > 0)
                        {
                            text = ex.Message;
                        }
                        finally
                        {
                            worker = null;
                        }

                        switch (text)
                        {
                            case "a": return "A";
                            case "b": return "B";
                            default: return text;
                        }
                    }

                    public void Dispose() { _readings.Clear(); }
                }
            }
            """);

        ViolationAssert.None(violations);
    }

    [Fact]
    public void The_real_firmware_compiled_against_nano_mscorlib_has_no_violation()
    {
        string firmware = FirmwareAssemblyPath();

        ViolationAssert.None(NanoAssemblyChecker.CheckFile(firmware));
    }

    [Fact]
    public void The_real_firmware_compiled_against_nano_mscorlib_references_nothing_but_nano_mscorlib()
    {
        using var pe = new PEReader(File.OpenRead(FirmwareAssemblyPath()));
        MetadataReader md = pe.GetMetadataReader();

        string[] references = [.. md.AssemblyReferences.Select(handle => md.GetString(md.GetAssemblyReference(handle).Name))];

        Assert.Equal(["mscorlib"], references);
    }

    private static string FirmwareAssemblyPath()
    {
        string path = Path.Combine(ProbeCompiler.NanoDirectory, "EdgeCity.Firmware.Nano.dll");
        Assert.True(File.Exists(path), $"{path} is missing: the test project copies it from firmware/EdgeCity.Firmware.Nano on build.");
        return path;
    }
}
