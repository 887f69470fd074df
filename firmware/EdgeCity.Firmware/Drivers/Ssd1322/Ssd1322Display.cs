using EdgeCity.Firmware.Hardware;

namespace EdgeCity.Firmware.Drivers.Ssd1322
{
    /// <summary>
    /// Driver of a 256×64 SSD1322 OLED on 4-wire SPI (Solomon Systech SSD1322 datasheet rev. 1.2, section 9
    /// "Command Table"). The panel's 256 columns sit at column addresses 0x1C–0x5B of the controller's 480-pixel
    /// RAM (4 pixels per column address). SPI is write-only, so the driver cannot see the chip; health comes from
    /// the panel current (see <c>DisplayHealthMonitor</c>).
    /// </summary>
    public sealed class Ssd1322Display
    {
        /// <summary>Visible width, pixels.</summary>
        public const int WidthPx = 256;

        /// <summary>Visible height, pixels.</summary>
        public const int HeightPx = 64;

        /// <summary>Column address of the panel's first 4-pixel group.</summary>
        public const int FirstColumn = 0x1C;

        private readonly IDisplayBus _bus;
        private readonly byte[] _parameters = new byte[2];
        private readonly byte[] _noParameters = new byte[0];

        /// <summary>Uses <paramref name="bus"/>.</summary>
        public Ssd1322Display(IDisplayBus bus)
        {
            _bus = bus;
        }

        /// <summary>The contrast current last set (0–255).</summary>
        public int Contrast { get; private set; }

        /// <summary>True while the panel is on (not in sleep mode).</summary>
        public bool IsOn { get; private set; }

        /// <summary>The power-on initialisation for a 256×64 panel (after the module maker's reference sequence), leaving the panel off.</summary>
        public void Initialize()
        {
            Command(0xFD, 0x12);        // unlock the command interface
            Command(0xAE);              // sleep (display off)
            Command(0xB3, 0x91);        // front clock divider / oscillator
            Command(0xCA, 0x3F);        // multiplex ratio: 64 rows
            Command(0xA2, 0x00);        // display offset
            Command(0xA1, 0x00);        // start line
            Command(0xA0, 0x14, 0x11);  // re-map: nibble re-map (left pixel in the high nibble), COM scan; dual COM
            Command(0xAB, 0x01);        // internal VDD regulator
            Command(0xC1, 0x7F);        // contrast current: reset value
            Command(0xC7, 0x0F);        // master contrast: full
            Command(0xB9);              // default linear grey-scale table
            Command(0xB1, 0xE2);        // phase lengths
            Command(0xBB, 0x1F);        // pre-charge voltage
            Command(0xBE, 0x07);        // VCOMH
            Command(0xA6);              // normal display (not all-on, not inverse)
            Contrast = 0x7F;
            IsOn = false;
        }

        /// <summary>Writes a full 256×64 frame (8,192 bytes, two pixels per byte, left pixel in the high nibble).</summary>
        public void WriteFrame(byte[] frame)
        {
            Command(0x15, FirstColumn, FirstColumn + (WidthPx / 4) - 1);
            Command(0x75, 0x00, HeightPx - 1);
            Command(0x5C);
            _bus.WriteData(frame, 0, WidthPx * HeightPx / 2);
        }

        /// <summary>Sets the segment current (brightness), 0–255.</summary>
        public void SetContrast(int contrast)
        {
            Contrast = contrast < 0 ? 0 : contrast > 255 ? 255 : contrast;
            Command(0xC1, Contrast);
        }

        /// <summary>Turns the panel on (0xAF) or puts it to sleep (0xAE, a few µA).</summary>
        public void SetOn(bool on)
        {
            Command(on ? (byte)0xAF : (byte)0xAE);
            IsOn = on;
        }

        private void Command(byte command)
        {
            _bus.WriteCommand(command, _noParameters, 0);
        }

        private void Command(byte command, int a)
        {
            _parameters[0] = (byte)a;
            _bus.WriteCommand(command, _parameters, 1);
        }

        private void Command(byte command, int a, int b)
        {
            _parameters[0] = (byte)a;
            _parameters[1] = (byte)b;
            _bus.WriteCommand(command, _parameters, 2);
        }
    }
}
