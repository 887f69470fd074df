namespace EdgeCity.Firmware.Configuration
{
    /// <summary>
    /// Reads the configuration file <c>./edgecity flash</c> deployed (I:\edgecity.json) into a
    /// <see cref="BoardConfiguration"/>. Never throws on bad content: a missing, corrupt or incomplete file gives
    /// the safe default with the fault and the first field at fault, so the board still reaches the gateway and
    /// says what is wrong.
    /// </summary>
    public static class BoardConfigurationReader
    {
        /// <summary>Most sensors a board has (boards.schema.json allows 8).</summary>
        public const int MaxSensors = 8;

        /// <summary>Parses the first <paramref name="length"/> bytes of <paramref name="file"/>; null means no file.</summary>
        public static BoardConfiguration Read(byte[]? file, int length)
        {
            if (file == null || length <= 0)
            {
                return BoardConfiguration.SafeDefault(ConfigurationFault.Missing, string.Empty);
            }

            FlatJsonObject? json = FlatJsonObject.TryParse(file, length < file.Length ? length : file.Length);
            if (json == null)
            {
                return BoardConfiguration.SafeDefault(ConfigurationFault.Corrupt, string.Empty);
            }

            int version;
            if (!json.TryGetInt("version", out version))
            {
                return Fail(json, "version");
            }

            if (version != BoardConfiguration.SupportedVersion)
            {
                return BoardConfiguration.SafeDefault(ConfigurationFault.UnsupportedVersion, "version");
            }

            var c = new BoardConfiguration();
            if (!json.TryGetString("boardId", out c.BoardId) || c.BoardId.Length < 3 || c.BoardId.Length > 64)
            {
                return Fail(json, "boardId");
            }

            if (!json.TryGetString("gatewayHost", out c.GatewayHost) || c.GatewayHost.Length == 0)
            {
                return Fail(json, "gatewayHost");
            }

            if (!json.TryGetInt("gatewayPort", out c.GatewayPort) || c.GatewayPort < 1 || c.GatewayPort > 65535)
            {
                return Fail(json, "gatewayPort");
            }

            if (!json.TryGetInt("sensorCount", out c.SensorCount) || c.SensorCount < 0 || c.SensorCount > MaxSensors)
            {
                return Fail(json, "sensorCount");
            }

            string failed = ReadSensors(json, c);
            if (failed.Length > 0)
            {
                return Fail(json, failed);
            }

            json.TryGetString("apn", out c.Apn);
            json.TryGetString("mqttSecret", out c.MqttSecret);
            json.TryGetString("firmware", out c.Firmware);
            json.TryGetString("configKey", out c.ConfigKey);
            failed = ReadOptional(json, "occupiedThresholdNt", 1, 1000000, ref c.OccupiedThresholdNanotesla);
            if (failed.Length == 0)
            {
                failed = ReadOptional(json, "freeThresholdNt", 1, 1000000, ref c.FreeThresholdNanotesla);
            }

            if (failed.Length == 0)
            {
                failed = ReadOptional(json, "strongThresholdNt", 1, 1000000, ref c.StrongThresholdNanotesla);
            }

            if (failed.Length == 0)
            {
                failed = ReadOptional(json, "confirmSamples", 1, 64, ref c.ConfirmSamples);
            }

            if (failed.Length == 0)
            {
                failed = ReadOptional(json, "configVersion", 0, int.MaxValue, ref c.ConfigVersion);
            }

            if (failed.Length > 0)
            {
                return BoardConfiguration.SafeDefault(ConfigurationFault.FieldInvalid, failed);
            }

            if (c.FreeThresholdNanotesla >= c.OccupiedThresholdNanotesla)
            {
                return BoardConfiguration.SafeDefault(ConfigurationFault.FieldInvalid, "freeThresholdNt");
            }

            return c;
        }

        private static string ReadSensors(FlatJsonObject json, BoardConfiguration c)
        {
            int n = c.SensorCount;
            c.SensorKinds = new string[n];
            c.SensorModels = new string[n];
            c.SensorAddresses = new int[n];
            c.SensorInterruptPins = new int[n];
            c.SensorPins = new int[n];
            for (int i = 0; i < n; i++)
            {
                string prefix = "sensor" + i.ToString();
                if (!json.TryGetString(prefix + "Kind", out c.SensorKinds[i]) || c.SensorKinds[i].Length == 0)
                {
                    return prefix + "Kind";
                }

                if (!json.TryGetString(prefix + "Model", out c.SensorModels[i]) || c.SensorModels[i].Length == 0)
                {
                    return prefix + "Model";
                }

                int address = c.SensorAddresses[i];
                if (!json.TryGetInt(prefix + "Address", out address) || (address != -1 && (address < 0x08 || address > 0x77)))
                {
                    return prefix + "Address";
                }

                c.SensorAddresses[i] = address;
                if (!ReadPin(json, prefix + "InterruptPin", out c.SensorInterruptPins[i]))
                {
                    return prefix + "InterruptPin";
                }

                if (!ReadPin(json, prefix + "Pin", out c.SensorPins[i]))
                {
                    return prefix + "Pin";
                }
            }

            return string.Empty;
        }

        private static bool ReadPin(FlatJsonObject json, string key, out int pin)
        {
            return json.TryGetInt(key, out pin) && pin >= -1 && pin <= 48;
        }

        /// <summary>Reads an optional integer within range; returns the key when present but invalid, else "".</summary>
        private static string ReadOptional(FlatJsonObject json, string key, int min, int max, ref int value)
        {
            if (!json.Contains(key))
            {
                return string.Empty;
            }

            int read;
            if (!json.TryGetInt(key, out read) || read < min || read > max)
            {
                return key;
            }

            value = read;
            return string.Empty;
        }

        private static BoardConfiguration Fail(FlatJsonObject json, string field)
        {
            return BoardConfiguration.SafeDefault(json.Contains(field) ? ConfigurationFault.FieldInvalid : ConfigurationFault.FieldMissing, field);
        }
    }
}
