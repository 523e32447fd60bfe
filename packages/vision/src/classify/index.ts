// Image classification (issue 3, part 1): image-folder data, augmentation, CNN/ResNet/MobileNet
// builders, error analysis, and the `train images` task.
export * from '../analysis';
export * from '../augment/image-augment';
export * from '../datasets/image-folder';
export * from '../datasets/image-folder-dataset';
export * from '../datasets/image-folder-read';
export * from './blocks';
export * from './image-classifier';
export * from './train-images';
export * from './digit-folder';
export * from './predict-input';
export * from './classifier-session';
