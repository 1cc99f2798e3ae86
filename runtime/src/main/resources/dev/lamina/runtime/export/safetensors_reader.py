def load_safetensors(path=WEIGHTS):
    """The tensors of a safetensors file by name, on the CPU: with the safetensors package if it is
    installed, else with read_safetensors."""
    try:
        from safetensors.torch import load_file
    except ImportError:
        return read_safetensors(path)
    return load_file(os.fspath(path))


_DTYPES = {
    "F64": torch.float64, "F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16,
    "I64": torch.int64, "I32": torch.int32, "I16": torch.int16, "I8": torch.int8,
    "U8": torch.uint8, "BOOL": torch.bool,
}


def read_safetensors(path):
    """Reads a safetensors file without the safetensors package. The format: an 8-byte little-endian
    header length, a JSON header giving each tensor's dtype, shape and data_offsets (relative to the end
    of the header), then the little-endian data."""
    with open(path, "rb") as file:
        data = file.read()
    if len(data) < 8:
        raise ValueError(f"{path}: not a safetensors file ({len(data)} bytes)")
    (header_length,) = struct.unpack("<Q", data[:8])
    start = 8 + header_length
    if start > len(data):
        raise ValueError(f"{path}: not a safetensors file (header length {header_length})")
    header = json.loads(data[8:start].decode("utf-8"))
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        if info["dtype"] not in _DTYPES:
            raise ValueError(f"{path}: tensor {name} has the unsupported dtype {info['dtype']}")
        dtype = _DTYPES[info["dtype"]]
        begin, end = info["data_offsets"]
        if start + end > len(data):
            raise ValueError(f"{path}: truncated inside tensor {name}")
        raw = bytearray(data[start + begin:start + end])  # writable, as torch.frombuffer wants
        size = torch.empty((), dtype=dtype).element_size()
        if sys.byteorder == "big" and size > 1:
            swapped = array.array({2: "h", 4: "i", 8: "q"}[size], raw)
            swapped.byteswap()
            raw = bytearray(swapped.tobytes())
        flat = torch.frombuffer(raw, dtype=dtype) if raw else torch.empty(0, dtype=dtype)
        tensors[name] = flat.reshape(info["shape"])
    return tensors
