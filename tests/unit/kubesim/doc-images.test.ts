// The documentation's images (PENDING 2): they pull, run their real ENTRYPOINT/CMD, and behave as the pages show.
import { describe, expect, it } from "vitest";
import { createCluster } from "@/lib/sim";
import { KubectlSession } from "@/lib/sim/kubectl/session";
import { piDigits } from "@/lib/sim/runtime/image-catalog/doc-programs";

const PI_50 = "3.141592653589793238462643383279502884197169399375";

describe("documentation images", () => {
  it("computes π like Math::BigFloat's bpi", () => {
    expect(piDigits(50)).toBe("3.1415926535897932384626433832795028841971693993751");
    expect(piDigits(5)).toBe("3.1416");
    const long = piDigits(2000);
    expect(long).toHaveLength(2001);
    expect(long.startsWith(PI_50)).toBe(true);
    // Checked against mpmath: nstr(mp.pi, 2000) with mp.dps = 2030.
    expect(long.endsWith("8326459958133904780275901")).toBe(true);
  });

  it("runs the Jobs page's perl pi Job to completion after a few seconds", () => {
    const s = new KubectlSession(createCluster({ seed: 11 }));
    expect(s.runLine(`kubectl create job pi --image=perl:5.34.0 -- perl -Mbignum=bpi -wle 'print bpi(2000)'`).stdout).toBe("job.batch/pi created\n");
    s.advance(15);
    expect(s.runLine("kubectl get job pi -o jsonpath={.status.succeeded}").stdout).toBe("");
    s.advance(40);
    expect(s.runLine("kubectl get job pi -o jsonpath={.status.succeeded}").stdout).toBe("1");
    const log = s.runLine("kubectl logs job/pi").stdout;
    expect(log).toBe(`${piDigits(2000)}\n`);
  });

  it("pulls busybox 1.27.2, goproxy and nginx-slim and serves on their ports", () => {
    const s = new KubectlSession(createCluster({ seed: 11 }));
    s.runLine("kubectl run bb --image=registry.k8s.io/busybox:1.27.2 -- sh -c 'busybox | head -1; sleep 3600'");
    s.runLine("kubectl run proxy --image=registry.k8s.io/goproxy:0.1");
    s.runLine("kubectl run slim --image=registry.k8s.io/nginx-slim:0.21");
    s.runLine("kubectl run old --image=k8s.gcr.io/nginx-slim:0.8");
    s.advance(60);
    expect(s.runLine("kubectl get pods --no-headers").stdout.split("\n").filter(Boolean).map((l) => l.split(/\s+/).slice(0, 3).join(" "))).toEqual([
      "bb 1/1 Running",
      "old 1/1 Running",
      "proxy 1/1 Running",
      "slim 1/1 Running",
    ]);
    expect(s.runLine("kubectl logs bb").stdout).toMatch(/^BusyBox v1\.27\.2 /);
    const ip = (name: string) => s.runLine(`kubectl get pod ${name} -o jsonpath={.status.podIP}`).stdout;
    expect(s.runLine(`kubectl exec bb -- wget -qO- http://${ip("slim")}/`).stdout).toContain("<title>Welcome to nginx!</title>");
    expect(s.runLine(`kubectl exec bb -- nc -z -w 1 ${ip("proxy")} 8080`).exitCode).toBe(0);
    expect(s.runLine("kubectl get pod proxy -o jsonpath={.spec.containers[0].image}").stdout).toBe("registry.k8s.io/goproxy:0.1");
  });
});
