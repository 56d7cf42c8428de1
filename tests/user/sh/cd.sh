# cd and pwd.
mkdir -p a/b/c
cd a
pwd
cd b/c && pwd
cd ../..
pwd
cd -
cd
pwd
cd /
pwd
cd missing-dir
echo "cd to a missing directory: $?"
cd $HOME/a/b && ls
HOME=$HOME/a/b/c
cd && pwd
