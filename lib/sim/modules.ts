// Installs the simulator's modules into every new Cluster. Each module owns one line here.
import { registerInstaller } from "./cluster";
import { installScheduler } from "./scheduler";
import { installControllers } from "./controllers";
import { installKubelet } from "./kubelet";

void registerInstaller;
registerInstaller(installControllers);
registerInstaller(installScheduler);
registerInstaller((engine, options) => void installKubelet(engine, options));
