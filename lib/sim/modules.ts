// Installs the simulator's modules into every new Cluster. Each module owns one line here.
import { registerInstaller } from "./cluster";
import { installScheduler } from "./scheduler";
import { installControllers } from "./controllers";

void registerInstaller;
registerInstaller(installControllers);
registerInstaller(installScheduler);
