using EdgeCity.HardwareSim.Imaging;

namespace EdgeCity.HardwareSim.Chips.Ssd1322;

/// <summary>
/// A Solomon Systech SSD1322 OLED controller (datasheet rev. 1.2) on 4-wire SPI, with a 256×64 panel on
/// column addresses 0x1C–0x5B. Modelled: the command/data split by the D/C line, the command lock (0xFD),
/// sleep on/off (0xAE/0xAF), column and row address windows (0x15, 0x75) with wrap-around, write RAM
/// (0x5C) into the 480×128×4-bit GDDRAM, nibble re-map (0xA0 A[2]), contrast (0xC1) and master current
/// (0xC7), entire display on/off and inverse (0xA4–0xA7); other commands take their parameters and are ignored.
/// The panel current follows the lit pixels, so the board's current sense sees what is shown. Faults: no
/// answer (the controller is dead: nothing lights) and stuck (RAM writes ignored: the picture freezes).
/// </summary>
public sealed class EmulatedSsd1322
{
    private const int RamColumns = 120; // 480 pixels / 4 per column address
    private const int RamRows = 128;
    private const int PanelFirstColumn = 0x1C;

    // Parameter bytes taken by each command (datasheet Table 9-1); unlisted commands take none.
    private static readonly Dictionary<byte, int> ParameterCounts = new()
    {
        [0x15] = 2, [0x75] = 2, [0xA0] = 2, [0xA1] = 1, [0xA2] = 1, [0xA8] = 2, [0xAB] = 1, [0xB1] = 1, [0xB3] = 1,
        [0xB4] = 2, [0xB5] = 1, [0xB6] = 1, [0xB8] = 15, [0xBB] = 1, [0xBE] = 1, [0xC1] = 1, [0xC7] = 1, [0xCA] = 1,
        [0xD1] = 2, [0xFD] = 1,
    };

    private readonly byte[] _ram = new byte[RamColumns * 2 * RamRows];
    private readonly byte[] _parameters = new byte[16];
    private byte _command;
    private int _parameterCount;
    private int _parametersExpected;
    private bool _writingRam;
    private int _columnStart, _columnEnd = RamColumns - 1, _rowStart, _rowEnd = RamRows - 1;
    private int _column, _row, _byteInColumn;
    private bool _locked;
    private bool _nibbleRemap;
    private byte _displayMode = 0xA6;

    /// <summary>Creates the controller after reset: asleep, contrast 0x7F, master current 0xF (datasheet Table 9-1 reset values).</summary>
    public EmulatedSsd1322(int widthPx = 256, int heightPx = 64)
    {
        WidthPx = widthPx;
        HeightPx = heightPx;
    }

    /// <summary>Visible width, pixels.</summary>
    public int WidthPx { get; }

    /// <summary>Visible height, pixels.</summary>
    public int HeightPx { get; }

    /// <summary>The level of the D/C line (true: data).</summary>
    public bool DataCommandHigh { get; set; }

    /// <summary>True while the panel is on (0xAF).</summary>
    public bool IsOn { get; private set; }

    /// <summary>Segment current (brightness) 0–255.</summary>
    public int Contrast { get; private set; } = 0x7F;

    /// <summary>Master current 0–15.</summary>
    public int MasterCurrent { get; private set; } = 0x0F;

    /// <summary>Panel current for a full-white picture at contrast 255 and master current 15, µA (matches the firmware's assumption).</summary>
    public int FullWhiteMicroamps { get; set; } = 100_000;

    /// <summary>Fault: the controller does not answer (no power, broken flex): nothing it is sent has any effect and nothing lights.</summary>
    public bool NoAnswer { get; set; }

    /// <summary>Fault: display RAM writes are ignored (a latched-up controller): the last picture stays.</summary>
    public bool Stuck { get; set; }

    /// <summary>Bytes received over SPI.</summary>
    public long BytesReceived { get; private set; }

    /// <summary>Receives SPI bytes at the current D/C level.</summary>
    public void Receive(ReadOnlySpan<byte> bytes)
    {
        if (NoAnswer)
        {
            return;
        }

        BytesReceived += bytes.Length;
        foreach (byte b in bytes)
        {
            if (DataCommandHigh)
            {
                Data(b);
            }
            else
            {
                Command(b);
            }
        }
    }

    /// <summary>The grey level (0–15) the panel shows at pixel (<paramref name="x"/>, <paramref name="y"/>); 0 when off.</summary>
    public int PixelAt(int x, int y)
    {
        if (NoAnswer || !IsOn)
        {
            return 0;
        }

        return _displayMode switch
        {
            0xA4 => 0,
            0xA5 => 15,
            0xA7 => 15 - RamPixel(x, y),
            _ => RamPixel(x, y),
        };
    }

    /// <summary>Current drawn by the panel now, µA: proportional to the grey levels shown, the contrast and the master current.</summary>
    public int PanelCurrentMicroamps()
    {
        if (NoAnswer || !IsOn)
        {
            return 0;
        }

        long greySum = 0;
        if (_displayMode is 0xA6 or 0xA7)
        {
            // Straight from the RAM of the visible window: the same sum as PixelAt over the panel, much faster.
            int bytesPerRow = WidthPx / 2;
            for (int y = 0; y < HeightPx; y++)
            {
                int start = ((y * RamColumns) + PanelFirstColumn) * 2;
                for (int i = start; i < start + bytesPerRow; i++)
                {
                    greySum += (_ram[i] >> 4) + (_ram[i] & 0x0F);
                }
            }

            if (_displayMode == 0xA7)
            {
                greySum = (15L * WidthPx * HeightPx) - greySum;
            }
        }
        else
        {
            greySum = _displayMode == 0xA5 ? 15L * WidthPx * HeightPx : 0;
        }

        double fraction = greySum / (15.0 * WidthPx * HeightPx);
        return (int)(FullWhiteMicroamps * fraction * (Contrast / 255.0) * ((MasterCurrent + 1) / 16.0));
    }

    /// <summary>What the panel shows as 8-bit grey (0–15 scaled to 0–255), row-major.</summary>
    public byte[] ShownPixels()
    {
        var pixels = new byte[WidthPx * HeightPx];
        for (int y = 0; y < HeightPx; y++)
        {
            for (int x = 0; x < WidthPx; x++)
            {
                pixels[(y * WidthPx) + x] = (byte)(PixelAt(x, y) * 17);
            }
        }

        return pixels;
    }

    /// <summary>Saves what the panel shows as a greyscale PNG, scaled up by <paramref name="scale"/> for a person to look at.</summary>
    public void SavePng(string path, int scale = 3)
    {
        byte[] shown = ShownPixels();
        int w = WidthPx * scale, h = HeightPx * scale;
        var big = new byte[w * h];
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                big[(y * w) + x] = shown[((y / scale) * WidthPx) + (x / scale)];
            }
        }

        GreyPngWriter.Save(path, w, h, big);
    }

    private int RamPixel(int x, int y)
    {
        int column = PanelFirstColumn + (x / 4);
        int pixelInColumn = x % 4;
        byte b = _ram[(((y * RamColumns) + column) * 2) + (pixelInColumn / 2)];
        bool first = (pixelInColumn & 1) == 0;

        // Nibble re-map (A[2] of 0xA0): the first pixel of a byte is in the high nibble, else in the low one.
        return first == _nibbleRemap ? b >> 4 : b & 0x0F;
    }

    private void Command(byte b)
    {
        if (_parametersExpected > 0)
        {
            // Parameters of multi-byte commands travel with D/C low on the SSD1322 too (datasheet 8.1.3).
            _parameters[_parameterCount++] = b;
            if (_parameterCount == _parametersExpected)
            {
                _parametersExpected = 0;
                Execute();
            }

            return;
        }

        _writingRam = false;
        _command = b;
        _parameterCount = 0;
        _parametersExpected = ParameterCounts.GetValueOrDefault(b);
        if (_parametersExpected == 0)
        {
            Execute();
        }
    }

    private void Data(byte b)
    {
        if (_parametersExpected > 0)
        {
            // Parameters may also be sent with D/C high (data), as most drivers do.
            Command(b);
            return;
        }

        if (!_writingRam || Stuck || _locked)
        {
            return;
        }

        _ram[(((_row * RamColumns) + _column) * 2) + _byteInColumn] = b;
        if (++_byteInColumn < 2)
        {
            return;
        }

        // Horizontal address increment with wrap-around inside the window (datasheet 8.7).
        _byteInColumn = 0;
        if (++_column > _columnEnd)
        {
            _column = _columnStart;
            if (++_row > _rowEnd)
            {
                _row = _rowStart;
            }
        }
    }

    private void Execute()
    {
        if (_locked && !(_command == 0xFD))
        {
            return;
        }

        switch (_command)
        {
            case 0xFD:
                _locked = (_parameters[0] & 0x04) != 0; // 0x16 locks, 0x12 unlocks
                break;
            case 0xAE:
                IsOn = false;
                break;
            case 0xAF:
                IsOn = true;
                break;
            case 0x15:
                _columnStart = Math.Min((int)_parameters[0], RamColumns - 1);
                _columnEnd = Math.Min((int)_parameters[1], RamColumns - 1);
                _column = _columnStart;
                _byteInColumn = 0;
                break;
            case 0x75:
                _rowStart = Math.Min((int)_parameters[0], RamRows - 1);
                _rowEnd = Math.Min((int)_parameters[1], RamRows - 1);
                _row = _rowStart;
                break;
            case 0x5C:
                _writingRam = true;
                _column = _columnStart;
                _row = _rowStart;
                _byteInColumn = 0;
                break;
            case 0xA0:
                _nibbleRemap = (_parameters[0] & 0x04) != 0;
                break;
            case 0xC1:
                Contrast = _parameters[0];
                break;
            case 0xC7:
                MasterCurrent = _parameters[0] & 0x0F;
                break;
            case >= 0xA4 and <= 0xA7:
                _displayMode = _command;
                break;
        }
    }
}
