import { describe, expect, it } from "vitest";
import { clientAddressFrom, UNKNOWN_ADDRESS } from "./client-address";

describe("the client's address", () => {
  it("with no trusted proxy is the connection's own address, which Next puts last", () => {
    expect(clientAddressFrom("127.0.0.1", 0)).toBe("127.0.0.1");
    expect(clientAddressFrom("::ffff:127.0.0.1", 0)).toBe("127.0.0.1");
  });

  it("behind one proxy is what that proxy appended, whatever the client wrote before it", () => {
    expect(clientAddressFrom("6.6.6.6, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(clientAddressFrom("1.1.1.1, 6.6.6.6, 203.0.113.9, 10.0.0.2", 2)).toBe("203.0.113.9");
  });

  it("is one shared 'unknown' when the header is missing or shorter than the trusted chain", () => {
    expect(clientAddressFrom(null, 0)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddressFrom("", 1)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddressFrom("203.0.113.9", 2)).toBe(UNKNOWN_ADDRESS);
  });

  it("counts an IPv6 client by its /64, so it cannot hop between its own addresses", () => {
    expect(clientAddressFrom("2001:db8:aa:bb:1:2:3:4", 0)).toBe("2001:db8:aa:bb::/64");
    expect(clientAddressFrom("2001:DB8:AA:BB::9", 0)).toBe("2001:db8:aa:bb::/64");
    expect(clientAddressFrom("2001:db8::1", 0)).toBe("2001:db8:0:0::/64");
    expect(clientAddressFrom("::1", 0)).toBe("0:0:0:0::/64");
  });
});
